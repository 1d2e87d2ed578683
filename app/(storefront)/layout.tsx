import type { ReactNode } from "react";
import { StorefrontShell } from "./_components/storefront-shell";

export default function StorefrontLayout({ children }: { children: ReactNode }) {
  return <StorefrontShell>{children}</StorefrontShell>;
}
