import { z } from 'zod';
import { BOARD_VIEWS } from './canvasItem';
import { finiteNumber, shortTextSchema } from './common';

/**
 * "Bring everyone here" (`meta.summon`, owner-only): the tab and world
 * rectangle the owner was looking at. Each summon has a larger `seq`; a client
 * moves once per `seq` it sees arrive, never for one it found on load.
 */
export const summonSchema = z
  .object({
    seq: z.number().int().min(1),
    view: z.enum(BOARD_VIEWS),
    viewport: z
      .object({
        x: finiteNumber,
        y: finiteNumber,
        width: z.number().finite().positive(),
        height: z.number().finite().positive(),
      })
      .strict(),
    by: shortTextSchema,
    /** Server time of the summon. */
    at: finiteNumber,
  })
  .strict();

export type Summon = z.infer<typeof summonSchema>;
