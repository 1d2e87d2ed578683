import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";
import { SITE_NAME, SITE_TAGLINE } from "@/lib/site";
import { sans, serif } from "./fonts";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(`${getEnv().SITE_URL}/`),
    title: { default: `${SITE_NAME}: ${SITE_TAGLINE}`, template: `%s | ${SITE_NAME}` },
    description: SITE_TAGLINE,
    applicationName: SITE_NAME,
  };
}

export const viewport: Viewport = {
  themeColor: "#fbf8f3",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={`${serif.variable} ${sans.variable}`}>
      <body>{children}</body>
    </html>
  );
}
