import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth";
import { textFromBlocks } from "@/lib/catalog/articles/model";
import { getShopPageForEdit } from "@/lib/catalog/articles/service";
import { ShopPageForm } from "./shop-page-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit page", robots: { index: false, follow: false } };

export default async function EditShopPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireStaff("editor", { next: `/admin/pages/${encodeURIComponent(slug)}` });
  const page = await getShopPageForEdit(slug);
  if (!page) notFound();
  return (
    <>
      <p>
        <Link href="/admin/pages">← Shop pages</Link>
      </p>
      <h1>Edit “{page.title}”</h1>
      <p>
        Shown at <Link href={`/pages/${page.slug}`}>/pages/{page.slug}</Link> and linked from every
        page&apos;s footer.
      </p>
      <ShopPageForm
        slug={page.slug}
        initial={{
          title: page.title,
          excerpt: page.excerpt ?? "",
          body: textFromBlocks(page.blocks),
          updatedAt: page.updatedAt,
        }}
      />
    </>
  );
}
