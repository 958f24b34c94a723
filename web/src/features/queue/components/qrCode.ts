import { encodeQR } from 'qr';

/** Modules of a QR code (true = dark), including the four-module quiet zone that scanners need around it. */
export function qrMatrix(text: string): boolean[][] {
  // Medium error correction survives a creased or smudged thermal print and keeps a status URL at version 4 or 5.
  return encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
}

/** One SVG path for all dark modules, row runs merged: small markup, and no hairline gaps between modules. */
export function qrPath(matrix: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  matrix.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end++;
      parts.push(`M${x} ${y}h${end - x + 1}v1h-${end - x + 1}z`);
      x = end;
    }
  });
  return parts.join('');
}
