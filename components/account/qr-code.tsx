import { encode } from "uqr";

/**
 * A QR code as an SVG drawn on the server (uqr makes the matrix; one path, no script, no
 * image request). The same text is shown beside it for people who cannot scan it.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { data, size } = encode(text, { ecc: "M", border: 2 });
  const path = data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : ""))).join("");
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={Math.max(200, size * 5)} height={Math.max(200, size * 5)} shapeRendering="crispEdges" data-testid="totp-qr-code">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
