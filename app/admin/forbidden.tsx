import Link from "next/link";

export default function Forbidden() {
  return (
    <div>
      <h1>403 · Not allowed</h1>
      <p>Your staff role does not allow this page or action.</p>
      <p>
        <Link href="/admin">Back to the dashboard</Link>
      </p>
    </div>
  );
}
