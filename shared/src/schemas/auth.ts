import { z } from 'zod';
import { captureLevelSchema, roleSchema } from './common';

export const whoamiSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: roleSchema }),
  org: z.object({ id: z.string(), name: z.string(), timeZone: z.string(), captureLevel: captureLevelSchema }),
});
export type Whoami = z.infer<typeof whoamiSchema>;
