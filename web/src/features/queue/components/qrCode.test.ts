import { decodeQR } from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPath } from './qrCode';

/** Draws the matrix as a black-on-white RGBA image, scale pixels per module, as a scanner would see a print. */
function rasterize(matrix: boolean[][], scale = 4) {
  const size = matrix.length * scale;
  const data = new Uint8Array(size * size * 4).fill(255);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if (matrix[Math.floor(y / scale)][Math.floor(x / scale)]) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
  return { width: size, height: size, data };
}

describe('qrMatrix', () => {
  it.each([
    'https://touchpoint.example/t/01a20337-de95-7a99-9619-00b7f779f29a',
    'http://127.0.0.1:5095/q/SH',
    'https://branch.example.com/t/0190c1f2-3b4a-7c5d-8e9f-a0b1c2d3e4f5?lang=ko-KR',
  ])('encodes %s so that a decoder reads it back', (url) => {
    expect(decodeQR(rasterize(qrMatrix(url)))).toBe(url);
  });

  it('has the finder pattern and a four-module quiet zone', () => {
    const matrix = qrMatrix('http://127.0.0.1:5095/q/SH');
    const modules = matrix.length - 8;
    expect((modules - 17) % 4).toBe(0); // 21, 25, 29 ... modules: a real QR version
    expect(matrix[0].every((dark) => !dark)).toBe(true);
    expect(matrix.slice(0, 4).flat().some(Boolean)).toBe(false);
    // Top-left finder: a 7×7 dark ring starting at (4, 4), light ring inside, 3×3 dark core.
    const row = (y: number) => matrix[y].slice(4, 11).map((dark) => (dark ? 1 : 0)).join('');
    expect([4, 5, 6, 7, 8, 9, 10].map(row)).toEqual(['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111']);
  });
});

describe('qrPath', () => {
  it('draws one rectangle per run of dark modules', () => {
    expect(qrPath([[true, true, false, true], [false, false, false, false], [false, true, true, true]])).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
  });
});
