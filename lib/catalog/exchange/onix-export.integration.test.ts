import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { saveCover } from "@/lib/covers/store";
import { createTestDatabase, testEngines, type TestDatabase } from "@/test/databases";
import { onixExportStream } from "./onix-export";
import { seedCatalog } from "../seed/seed";
import { readSeedCatalog } from "../seed/seed-file";
import { listListingsPage } from "../listings/store";
import { ROUND_TRIPS } from "@/test/listing-round-trips";

const SENDER = { name: "Quire Books", siteUrl: "https://books.example.com" };
const FEATURED_TITLE = "Mao, Stalin and the Korean War";

interface Product {
  RecordReference: string;
  NotificationType: string;
  ProductIdentifier: { ProductIDType: string; IDValue: string }[];
  DescriptiveDetail: {
    ProductForm: string;
    ProductFormDetail?: string[];
    ProductFormFeature?: { ProductFormFeatureType: string; ProductFormFeatureValue: string }[];
    Collection?: { TitleDetail: { TitleElement: { TitleText: string } } }[];
    TitleDetail: { TitleElement: { TitleText: string; Subtitle?: string } };
    Contributor?: { SequenceNumber: string; ContributorRole: string; PersonName: string }[];
    Language?: { LanguageRole: string; LanguageCode: string }[];
    Subject?: { SubjectCode: string }[];
  };
  CollateralDetail?: {
    TextContent: { TextType: string; Text: string }[];
    SupportingResource?: { ResourceContentType: string; ResourceVersion: { ResourceLink: string } };
  };
  PublishingDetail: { PublishingStatus: string };
  ProductSupply: {
    SupplyDetail: {
      ProductAvailability: string;
      Price: { PriceType: string; PriceAmount: string; CurrencyCode: string }[];
    }[];
  };
}

const REPEATABLE = new Set([
  "Product",
  "ProductIdentifier",
  "ProductFormDetail",
  "ProductFormFeature",
  "Collection",
  "Contributor",
  "Language",
  "Subject",
  "TextContent",
  "SupplyDetail",
  "Price",
]);

async function exportProducts(db: TestDatabase): Promise<Product[]> {
  // A small batch size, so the seed catalog takes several batches.
  const xml = await new Response(onixExportStream(db.prisma, SENDER, { batchSize: 3 })).text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => REPEATABLE.has(name),
  }).parse(xml) as { ONIXMessage: { "@_release": string; Header: unknown; Product?: Product[] } };
  expect(parsed.ONIXMessage["@_release"]).toBe("3.0");
  return parsed.ONIXMessage.Product ?? [];
}

const titleOf = (p: Product) => p.DescriptiveDetail.TitleDetail.TitleElement.TitleText;

describe.each(testEngines())("the ONIX export on %s", (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedCatalog(db.prisma, await readSeedCatalog());
    await db.prisma.book.create({
      data: {
        slug: "draft-of-a-book",
        title: "Draft of a Book",
        languages: ["en"],
        status: "draft",
        editions: { create: [{ format: "paperback", priceMinor: 100 }] },
      },
    });
  });
  afterAll(async () => db?.destroy());

  // Beside the ONIX export because this is where the seed catalog is stored for a test already.
  it("the seed catalog's listings come back equal through the form, the API and a CSV file", async () => {
    const listings = await listListingsPage(db.prisma, { take: 500 });
    expect(listings.length).toBeGreaterThan(5);
    for (const listing of listings) {
      for (const [name, roundTrip] of Object.entries(ROUND_TRIPS)) {
        expect(roundTrip(listing.data).parsed, `${listing.data.slug} through ${name}`).toEqual({
          ok: true,
          data: listing.data,
        });
      }
    }
  });

  it("exports every published edition, and no draft, as well-formed ONIX with every block", async () => {
    const products = await exportProducts(db);
    expect(products).toHaveLength(9);
    expect(products.map(titleOf)).not.toContain("Draft of a Book");
    expect(new Set(products.map((p) => p.RecordReference)).size).toBe(9);
    for (const p of products) {
      expect(p.RecordReference).toMatch(/^com\.example\.books\.edition\.\d+$/);
      expect(p.NotificationType).toBe("03");
      expect(p.ProductIdentifier.map((id) => id.ProductIDType)).toEqual(["01"]);
      expect(p.ProductIdentifier[0]?.IDValue).toMatch(/^edition-\d+$/);
      expect(p.DescriptiveDetail.ProductForm).toMatch(/^(ED|BC|BB|AJ)$/);
      expect(p.DescriptiveDetail.Language?.length).toBeGreaterThan(0);
      expect(p.CollateralDetail?.TextContent[0]?.TextType).toBe("03");
      expect(p.PublishingDetail.PublishingStatus).toBe("04");
      expect(p.ProductSupply.SupplyDetail[0]?.Price[0]).toMatchObject({
        PriceType: "02",
        CurrencyCode: "USD",
      });
    }
  });

  it("credits the featured book's author (A01) and original author (A38)", async () => {
    const featured = (await exportProducts(db)).find((p) => titleOf(p) === FEATURED_TITLE)!;
    expect(featured.DescriptiveDetail.Contributor).toEqual([
      { SequenceNumber: "1", ContributorRole: "A01", PersonName: "Sandeep Balakrishna" },
      { SequenceNumber: "2", ContributorRole: "A38", PersonName: "Shen Zihua" },
    ]);
    expect(featured.DescriptiveDetail).toMatchObject({
      ProductForm: "ED",
      ProductFormDetail: ["E116"],
      ProductFormFeature: [
        { ProductFormFeatureType: "09", ProductFormFeatureValue: "13" },
        { ProductFormFeatureType: "09", ProductFormFeatureValue: "36" },
      ],
      Collection: [{ TitleDetail: { TitleElement: { TitleText: "Cold War History" } } }],
      TitleDetail: { TitleElement: { Subtitle: "Trilateral Communist Relations in the 1950s" } },
      Language: [{ LanguageRole: "01", LanguageCode: "eng" }],
    });
    expect(featured.DescriptiveDetail.Subject?.map((s) => s.SubjectCode)).toEqual([
      "history",
      "cold-war",
      "china",
      "korea",
    ]);
    expect(featured.CollateralDetail?.TextContent[0]?.Text).toMatch(/^This book examines relations/);
    expect(featured.ProductSupply.SupplyDetail[0]).toMatchObject({
      ProductAvailability: "20",
      Price: [{ PriceType: "02", PriceAmount: "39.99", CurrencyCode: "USD" }],
    });
  });

  it("writes the bilingual wordbooks' languages as ISO 639-2/B, Spanish first; claims no placeholder file format", async () => {
    const products = await exportProducts(db);
    const wordbook = products.find((p) => titleOf(p) === "Animales Wordbooks")!;
    // The seed chose the related titles' formats itself: no file format is claimed for them.
    const placeholderKindle = products.find((p) => titleOf(p) === "The Secrets of Chaplaincy")!;
    expect(placeholderKindle.DescriptiveDetail.ProductForm).toBe("ED");
    expect(placeholderKindle.DescriptiveDetail.ProductFormDetail).toBeUndefined();
    expect(wordbook.DescriptiveDetail.Language).toEqual([
      { LanguageRole: "01", LanguageCode: "spa" },
      { LanguageRole: "01", LanguageCode: "eng" },
    ]);
  });

  it("links an uploaded cover as the front cover's SupportingResource at its absolute address", async () => {
    expect((await exportProducts(db)).some((p) => p.CollateralDetail?.SupportingResource)).toBe(false);
    const book = await db.prisma.book.findUniqueOrThrow({ where: { slug: "animales-wordbooks" } });
    const jpeg = await sharp({ create: { width: 400, height: 600, channels: 3, background: "#246" } })
      .jpeg()
      .toBuffer();
    const saved = await saveCover(db.prisma, book.id, { bytes: new Uint8Array(jpeg), uploadedById: null });
    if (!saved.ok) throw new Error(saved.problem);
    const products = await exportProducts(db);
    const withCover = products.filter((p) => p.CollateralDetail?.SupportingResource);
    expect(withCover.map(titleOf)).toEqual(["Animales Wordbooks"]);
    expect(withCover[0]!.CollateralDetail!.SupportingResource).toMatchObject({
      ResourceContentType: "01",
      ResourceVersion: {
        ResourceLink: `https://books.example.com/covers/animales-wordbooks?v=${saved.cover.version}&f=original`,
      },
    });
  });

  it("adds a product per new edition (ISBN-13 as 15) and drops a book once it is hidden", async () => {
    const featured = await db.prisma.book.findUniqueOrThrow({
      where: { slug: "mao-stalin-and-the-korean-war" },
    });
    await db.prisma.edition.create({
      data: {
        bookId: featured.id,
        format: "hardcover",
        priceMinor: 12000,
        isbn13: "9780306406157",
        position: 1,
      },
    });
    let products = await exportProducts(db);
    expect(products).toHaveLength(10);
    const hardcover = products.find((p) => p.DescriptiveDetail.ProductForm === "BB")!;
    expect(titleOf(hardcover)).toBe(FEATURED_TITLE);
    expect(hardcover.ProductIdentifier).toEqual([
      { ProductIDType: "15", IDValue: "9780306406157" },
      { ProductIDType: "03", IDValue: "9780306406157" },
    ]);

    await db.prisma.book.update({ where: { id: featured.id }, data: { status: "hidden" } });
    products = await exportProducts(db);
    expect(products).toHaveLength(8);
    expect(products.map(titleOf)).not.toContain(FEATURED_TITLE);
  });
});
