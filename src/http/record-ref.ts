// A path parameter naming a numbered record (a subject request, an act of destruction) either by its number,
// as staff and letters quote it (`17`), or by its id.
import { z } from '@hono/zod-openapi';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const NUMBER = '[1-9][0-9]{0,14}';

export function recordRef(name: string, what: string) {
  return z
    .string()
    .regex(new RegExp(`^(${NUMBER}|${UUID})$`), {
      message: `ожидается номер (целое больше 0) или UUID / expected the ${what}'s number or its UUID`,
    })
    .openapi({
      param: { name, in: 'path' },
      description: `The ${what}'s number (as quoted in letters, e.g. 17) or its UUID`,
      example: '17',
    });
}
