/** unauthorized() is not used; this file keeps Next's default 401 page out of every RSC payload. */
export default function Unauthorized() {
  return <p>401: please sign in.</p>;
}
