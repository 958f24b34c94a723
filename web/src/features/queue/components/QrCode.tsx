import { useMemo } from 'react';
import { qrMatrix, qrPath } from './qrCode';

interface Props {
  value: string;
  /** What the code leads to, for screen readers (the image itself says nothing to them). */
  label: string;
  size?: number | string;
  className?: string;
}

/** A QR code as crisp SVG, which prints sharply on a thermal printer at any resolution. */
export function QrCode({ value, label, size = 160, className }: Props) {
  const { path, modules } = useMemo(() => {
    const matrix = qrMatrix(value);
    return { path: qrPath(matrix), modules: matrix.length };
  }, [value]);
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      data-qr-value={value}
    >
      <rect width={modules} height={modules} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
