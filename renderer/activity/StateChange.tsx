import { isLifecycleState } from '../../electron/shared/lifecycle';
import { Badge } from '../components/Badge';

function State({ code }: { code: string }) {
  return isLifecycleState(code) ? <Badge state={code} /> : <code>{code}</code>;
}

/** A payment's state before → after an operation (either may be missing). */
export function StateChange({ before, after }: { before?: string; after?: string }) {
  if (!before && !after) return null;
  return (
    <span className="state-change">
      {before && <State code={before} />}
      {before && after && before !== after && (
        <span className="state-arrow" aria-hidden="true">
          →
        </span>
      )}
      {after && after !== before && <State code={after} />}
    </span>
  );
}
