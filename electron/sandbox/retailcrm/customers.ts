/** Customers (reference §6): a single `email` string, `phones[{number}]`, addressed by id or externalId. */
import type { Customer } from './model';

export interface CustomerInput {
  site: string;
  externalId?: string;
  createdAt?: Date | string;
  firstName?: string;
  lastName?: string;
  patronymic?: string;
  email?: string;
  phones?: string[];
}

export class CustomerBook {
  private readonly byId = new Map<number, Customer>();
  private readonly byExternalId = new Map<string, Customer>();
  private lastId = 0;

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Customer | undefined {
    return this.byId.get(id);
  }

  byExternalIdOf(externalId: string): Customer | undefined {
    return this.byExternalId.get(externalId);
  }

  add(input: Omit<CustomerInput, 'createdAt'> & { createdAt: string }): Customer {
    if (input.externalId !== undefined && this.byExternalId.has(input.externalId)) {
      throw new RangeError(`Customer externalId ${input.externalId} already exists`);
    }
    const customer: Customer = { ...input, id: ++this.lastId, phones: input.phones ?? [] };
    this.byId.set(customer.id, customer);
    if (customer.externalId !== undefined) this.byExternalId.set(customer.externalId, customer);
    return customer;
  }
}
