/**
 * forbidden() outside the admin (which has its own page). Without this file Next would put its
 * default 403 page, styles and all, in every page's RSC payload (authInterrupts is on).
 */
export default function Forbidden() {
  return <p>403: not allowed.</p>;
}
