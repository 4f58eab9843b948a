/** The app's mark: a "U" on the accent colour. Decorative: the name is always written beside it. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="logo-tile" />
      <path
        d="M10.5 9v7.5a5.5 5.5 0 0 0 11 0V9"
        fill="none"
        className="logo-stroke"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}
