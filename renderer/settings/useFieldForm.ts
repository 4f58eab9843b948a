import { useRef, useState } from 'react';
import { useDeskAction } from '../deskHooks';
import { focusFirstInvalid, type FieldIssue } from './issues';

/**
 * The settings forms' one way from a click to a saved setting: what the page's own check found,
 * or else the call; the problems (the core's refusal too) under the fields they belong to, the
 * first of those fields focused (within `ref`, where the form has one); any other failure as
 * `error`, in words with the next step.
 */
export function useFieldForm<L extends string = never>(
  options: { onRefused?(issues: FieldIssue[]): void } = {},
) {
  const ref = useRef<HTMLFormElement>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const refuse = (found: FieldIssue[]) => {
    setIssues(found);
    options.onRefused?.(found);
    focusFirstInvalid(ref.current);
  };
  const action = useDeskAction<L>({
    onError: (error) => {
      if (error.kind !== 'validation' || error.issues.length === 0) return false;
      refuse(error.issues);
      return true;
    },
  });
  /** `found`: what the page's own check found; `send` runs only when that is nothing. */
  const submit = async (found: readonly FieldIssue[], send: () => Promise<void>, label?: L) => {
    action.setError(undefined);
    if (found.length > 0) {
      refuse([...found]);
      return false;
    }
    setIssues([]);
    return action.run(send, label);
  };
  /** The page's own check found these: nothing is sent. */
  const reject = (found: readonly FieldIssue[]) => submit(found, async () => undefined);
  return {
    ref,
    issues,
    busy: action.busy,
    running: action.running,
    error: action.error,
    submit,
    reject,
    clearIssues: () => setIssues([]),
  };
}
