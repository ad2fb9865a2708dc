// Drawn rather than emoji: emoji fonts are missing on many systems (and projectors' laptops).
export function TrafficLight() {
  return (
    <svg viewBox="0 0 20 40" width="14" height="28" aria-hidden="true">
      <rect x="2" y="1" width="16" height="38" rx="4" fill="#333" />
      <circle cx="10" cy="9" r="5" fill="#e53935" />
      <circle cx="10" cy="20" r="5" fill="#fbc02d" />
      <circle cx="10" cy="31" r="5" fill="#43a047" />
    </svg>
  );
}

export function Tree() {
  return (
    <svg viewBox="0 0 30 40" width="22" height="28" aria-hidden="true">
      <rect x="12" y="24" width="6" height="14" fill="#795548" />
      <circle cx="15" cy="15" r="12" fill="#388e3c" />
    </svg>
  );
}
