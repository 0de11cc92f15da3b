import type { CreatedApiToken } from '@hindsight/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { generateSecretToken, hashSecretToken } from '../../auth/secret-token';
import { createApiToken, listApiTokens, revokeApiToken } from '../../repos/api-tokens-repo';
import { notFound, signedIn } from './authenticate';
import { isUuid, readJsonObject, requiredString } from './read-input';
import { recordAudit } from './record-audit';
import { toTokenSummary } from './to-api';

/** API tokens start with this, so secret scanners and people recognise them. */
const TOKEN_PREFIX = 'hs_';
const SHOWN_PREFIX_CHARS = 8;

/** The signed-in user's API tokens: create (shown once), list, revoke. A token acts with its user's rights. */
export function createTokenRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/tokens', async (c) => {
    const principal = signedIn(c);
    return c.json({ tokens: (await listApiTokens(c.var.deps.db, principal.userId)).map(toTokenSummary) });
  });

  routes.post('/api/tokens', async (c) => {
    const principal = signedIn(c);
    const { db, clock } = c.var.deps;
    const name = requiredString(await readJsonObject(c), 'name', 100);
    const token = generateSecretToken(TOKEN_PREFIX);
    const row = await createApiToken(db, {
      tokenHash: hashSecretToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + SHOWN_PREFIX_CHARS),
      name,
      userId: principal.userId,
      now: clock(),
    });
    await recordAudit(c, 'token.created', { details: { tokenId: row.id, name } });
    const created: CreatedApiToken = { ...toTokenSummary(row), token };
    return c.json(created, 201);
  });

  routes.delete('/api/tokens/:id', async (c) => {
    const principal = signedIn(c);
    const { db, clock } = c.var.deps;
    const id = c.req.param('id');
    if (!isUuid(id) || !(await revokeApiToken(db, { id, userId: principal.userId, now: clock() }))) {
      throw notFound('token');
    }
    await recordAudit(c, 'token.revoked', { details: { tokenId: id } });
    return c.body(null, 204);
  });

  return routes;
}
