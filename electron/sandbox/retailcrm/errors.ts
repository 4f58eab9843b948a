/**
 * The error envelope of reference §1.5/§1.6: `{success:false, errorMsg, errors?}`. `errors` is an object of
 * field → message here (the fake never needs the array form).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorMsg: string,
    readonly errors?: Record<string, string>,
  ) {
    // The message carries the field errors too, so a library caller (seed, test) sees what was wrong.
    super(errors ? `${errorMsg}: ${JSON.stringify(errors)}` : errorMsg);
  }

  body(): { success: false; errorMsg: string; errors?: Record<string, string> } {
    return this.errors
      ? { success: false, errorMsg: this.errorMsg, errors: this.errors }
      : { success: false, errorMsg: this.errorMsg };
  }
}

/** Symfony's standard validator messages, which RetailCRM's fixtures show (reference §1.6). */
export const MESSAGE = {
  invalid: 'This value is not valid.',
  blank: 'This value should not be blank.',
  choice: 'The value you selected is not a valid choice.',
  extraFields: 'This form should not contain extra fields.',
  positive: 'This value should be greater than or equal to 1.',
} as const;

export const entityErrors = (errors: Record<string, string>): ApiError =>
  new ApiError(400, 'Errors in the entity format', errors);

export const inputErrors = (errors: Record<string, string>): ApiError =>
  new ApiError(400, 'Errors in the input parameters', errors);

export const missingParameter = (name: string): ApiError =>
  new ApiError(400, `Parameter '${name}' is missing`);

export const notFound = (errorMsg = 'Not found'): ApiError => new ApiError(404, errorMsg);

export const accessDenied = (): ApiError => new ApiError(403, 'Access denied.');
