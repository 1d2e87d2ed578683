import "server-only";
import { getPrisma } from "@/lib/db";
import { dashboardFigures, type DashboardFigures } from "./figures";

export type { DashboardFigures, Period, SalesFigure } from "./figures";

export async function getDashboardFigures(now = new Date()): Promise<DashboardFigures> {
  return dashboardFigures(await getPrisma(), now);
}
