import { useEffect, useState } from 'react';

/** Progress is worth words only when work takes a while: true once `busy` has lasted `afterMs`. */
export function useSlow(busy: boolean, afterMs = 1000): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [busy, afterMs]);
  return busy && slow;
}
