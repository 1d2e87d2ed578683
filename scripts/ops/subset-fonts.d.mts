export const FONTS_DIR: string;
export const FONTS: {
  file: string;
  source: string;
  axes: Record<string, number | { min: number; max: number }>;
}[];
export const LICENSES: { file: string; source: string }[];
export function subsetFonts(): Promise<{ file: string; bytes: Buffer }[]>;
