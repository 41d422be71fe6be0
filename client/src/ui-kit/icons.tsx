/** A handful of 16px line icons, inline so they inherit colour and need no requests. */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
};

export const PlusIcon = () => (
  <svg {...common}>
    <path d="M8 3v10M3 8h10" />
  </svg>
);
export const MinusIcon = () => (
  <svg {...common}>
    <path d="M3 8h10" />
  </svg>
);
export const UndoIcon = () => (
  <svg {...common}>
    <path d="M5.5 3.5 2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </svg>
);
export const RedoIcon = () => (
  <svg {...common}>
    <path d="m10.5 3.5 3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </svg>
);
export const TrashIcon = () => (
  <svg {...common}>
    <path d="M2.5 4.5h11M6.5 4.5V3h3v1.5M4 4.5l.7 9h6.6l.7-9" />
  </svg>
);
export const FitIcon = () => (
  <svg {...common}>
    <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
  </svg>
);
export const FrontIcon = () => (
  <svg {...common}>
    <rect x="2.5" y="7.5" width="7" height="6" rx="1.2" strokeDasharray="2 1.6" />
    <rect x="6.5" y="2.5" width="7" height="6" rx="1.2" fill="currentColor" fillOpacity="0.18" />
  </svg>
);
export const NoteIcon = () => (
  <svg {...common}>
    <path d="M3 2.5h10v7l-4 4H3z" />
    <path d="M9 13.5v-4h4" />
  </svg>
);
export const CopyIcon = () => (
  <svg {...common}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 3.5V3a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6.5a1 1 0 0 0 1 1h.5" />
  </svg>
);
export const LogoMark = () => (
  <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
    <rect x="2" y="2" width="12" height="12" rx="3" fill="#2563eb" />
    <rect x="10" y="10" width="12" height="12" rx="3" fill="#f59e0b" opacity="0.9" />
  </svg>
);
export const LockIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </svg>
);
