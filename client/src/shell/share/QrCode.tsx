import { useEffect, useState } from 'react';

/**
 * A QR code of a link, drawn by the `qrcode` package into a PNG data URL shown
 * as an <img> (the CSP allows data: images; no inline script or style). The
 * package is loaded on first use, so boards that never share pay nothing.
 */
export function QrCode({ text, label, size }: { text: string; label: string; size: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    setSrc(null);
    import('qrcode')
      .then((qr) => qr.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size * 2, color: { dark: '#0f172a', light: '#ffffff' } }))
      .then(
        (url) => !cancelled && setSrc(url),
        () => !cancelled && setFailed(true),
      );
    return () => {
      cancelled = true;
    };
  }, [text, size]);
  if (failed) return <p className="error">The QR code could not be drawn; copy the link instead.</p>;
  if (!src) return <div className="qr-placeholder" aria-busy="true" />;
  return <img className="qr-code" src={src} width={size} height={size} alt={label} />;
}
