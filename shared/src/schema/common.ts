import { z } from 'zod';

/** Limits shared by every record: generous for people, bounded for hostile input. */
export const MAX_NAME = 200;
export const MAX_TEXT = 10_000;
export const MAX_LIST = 200;

export const recordIdSchema = z
  .string()
  .min(1, 'id must not be empty')
  .max(64, 'id must be at most 64 characters');

export const nameSchema = z.string().trim().min(1, 'name must not be empty').max(MAX_NAME);
export const textSchema = z.string().max(MAX_TEXT);
export const shortTextSchema = z.string().max(MAX_NAME);

/** Integer level on the 0-4 scales used by power, interest and skills. */
export const level04 = z.number().int('must be a whole number').min(0).max(4);

export const colourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'colour must be a hex colour like #3366cc');

/** ISO calendar date (YYYY-MM-DD) or empty when not set. */
export const isoDateOrEmpty = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'date must look like 2026-03-31');

export const finiteNumber = z.number().finite();

export const idList = z.array(recordIdSchema).max(MAX_LIST);

export const SECTORS = ['public', 'third', 'private', 'community', 'academic'] as const;
export const sectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof sectorSchema>;

/** Fractional index key (see fractional-indexing) used for z-order and row order. */
export const orderKeySchema = z.string().min(1).max(128);
