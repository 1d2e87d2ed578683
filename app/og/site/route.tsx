// GET /og/site - the store's own Open Graph image (PNG, 1200×630), for the home page's link
// previews. It draws only the store's mark, name and tagline, so it is rendered once, at build time.
import { coverPalette } from "@/components/ui/book-cover";
import { ogImage } from "@/lib/seo/og-image";
import { SITE_NAME, SITE_TAGLINE } from "@/lib/site";

export const dynamic = "force-static";

export async function GET() {
  return ogImage({
    eyebrow: "An independent bookshop",
    title: SITE_NAME,
    subtitle: SITE_TAGLINE,
    palette: coverPalette([]),
    siteName: SITE_NAME,
    storeMark: true,
  });
}
