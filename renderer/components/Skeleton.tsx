export interface SkeletonProps {
  /** A line of text (default), a form field, or a block of the given height. */
  shape?: 'line' | 'field' | 'block';
  width?: string;
  height?: string;
}

/** A placeholder the size of what is loading, so nothing moves when it arrives. */
export function Skeleton({ shape = 'line', width, height }: SkeletonProps) {
  return <span className={`skeleton skeleton-${shape}`} style={{ width, height }} aria-hidden="true" />;
}
