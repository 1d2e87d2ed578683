// Shop pages' pure side, safe in client components (the admin's page form): limits and the footer
// links. No database and no zod: reads and writes are in ./service.ts.
export { SHOP_PAGE_LIMITS, SHOP_PAGE_LINKS, textFromBlocks } from "./shop-page-text";
