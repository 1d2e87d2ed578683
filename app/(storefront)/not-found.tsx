import { NotFoundContent } from "./_components/not-found-content";

export default function StorefrontNotFound() {
  return <NotFoundContent />;
}
