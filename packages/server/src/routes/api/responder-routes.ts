import { type KnowledgeEntry, RESPONDER_KINDS, type ResponderKind, type ResponderSettings } from '@hindsight/shared';
import { Hono } from 'hono';
import type { Updateable } from 'kysely';
import type { AppEnv } from '../../app-env';
import type { KnowledgeEntryRow, ResponderSettingsRow, ResponderSettingsTable } from '../../db/schema';
import { addKnowledge, deleteKnowledge, listKnowledge, updateKnowledge } from '../../repos/knowledge-repo';
import { findResponderSettings, saveResponderSettings } from '../../repos/responder-settings-repo';
import { applicationFromParam } from './application-param';
import { notFound } from './authenticate';
import { invalid, isUuid, readJsonObject, requiredString } from './read-input';
import { recordAudit } from './record-audit';

const MAX_ANSWER_LENGTH = 20_000;

/** An application's chat responder (apps.manage) and its knowledge entries. Secrets go in, never come out. */
export function createResponderRoutes() {
  const routes = new Hono<AppEnv>();

  routes.get('/api/apps/:appId/responder', async (c) => {
    const { application } = await applicationFromParam(c, 'apps.manage');
    return c.json(toResponderSettings(await findResponderSettings(c.var.deps.db, application.id)));
  });

  routes.put('/api/apps/:appId/responder', async (c) => {
    const { application } = await applicationFromParam(c, 'apps.manage');
    const { db, secrets } = c.var.deps;
    const body = await readJsonObject(c);
    const changes: Updateable<ResponderSettingsTable> = {};
    if (body.kind !== undefined) {
      if (!(RESPONDER_KINDS as readonly unknown[]).includes(body.kind)) {
        throw invalid(`kind must be one of ${RESPONDER_KINDS.join(', ')}.`);
      }
      changes.kind = body.kind as ResponderKind;
    }
    const openai = objectField(body, 'openai');
    if (openai) {
      if (openai.baseUrl !== undefined) changes.openai_base_url = httpUrl(openai.baseUrl, 'openai.baseUrl');
      if (openai.model !== undefined) changes.openai_model = text(openai.model, 'openai.model', 200);
      if (openai.systemPrompt !== undefined) {
        changes.openai_system_prompt = text(openai.systemPrompt, 'openai.systemPrompt', 20_000);
      }
      if (openai.temperature !== undefined)
        changes.openai_temperature = number(openai.temperature, 'openai.temperature', 0, 2);
      if (openai.maxTokens !== undefined)
        changes.openai_max_tokens = integer(openai.maxTokens, 'openai.maxTokens', 1, 32_000);
      if (openai.apiKey !== undefined)
        changes.openai_api_key_sealed = sealOrClear(openai.apiKey, 'openai.apiKey', secrets.seal);
    }
    const webhook = objectField(body, 'webhook');
    if (webhook) {
      if (webhook.url !== undefined) changes.webhook_url = httpUrl(webhook.url, 'webhook.url');
      if (webhook.secret !== undefined)
        changes.webhook_secret_sealed = sealOrClear(webhook.secret, 'webhook.secret', secrets.seal);
    }
    if (body.operatorQuietMinutes !== undefined) {
      changes.operator_quiet_minutes = integer(body.operatorQuietMinutes, 'operatorQuietMinutes', 0, 24 * 60);
    }
    if (body.timeoutSeconds !== undefined)
      changes.timeout_seconds = integer(body.timeoutSeconds, 'timeoutSeconds', 1, 300);
    // Check the settings as they would be, before anything is stored.
    const merged = { ...toResponderSettings(await findResponderSettings(db, application.id)), kind: changes.kind };
    const kind = changes.kind ?? merged.kind;
    const baseUrl = changes.openai_base_url ?? merged.openai.baseUrl;
    const model = changes.openai_model ?? merged.openai.model;
    const hookUrl = changes.webhook_url ?? merged.webhook.url;
    const hookSecret =
      changes.webhook_secret_sealed !== undefined ? Boolean(changes.webhook_secret_sealed) : merged.webhook.secretSet;
    if (kind === 'openai' && (!baseUrl || !model)) {
      throw invalid('The openai responder needs openai.baseUrl and openai.model.');
    }
    if (kind === 'webhook' && (!hookUrl || !hookSecret)) {
      throw invalid('The webhook responder needs webhook.url and webhook.secret.');
    }
    const saved = await saveResponderSettings(db, application.id, changes);
    // Which fields changed, never their values (secrets).
    await recordAudit(c, 'responder.updated', {
      applicationId: application.id,
      details: { kind: saved.kind, fields: Object.keys(changes) },
    });
    return c.json(toResponderSettings(saved));
  });

  routes.get('/api/apps/:appId/knowledge', async (c) => {
    const { application } = await applicationFromParam(c, 'apps.manage');
    return c.json({ entries: (await listKnowledge(c.var.deps.db, application.id)).map(toKnowledgeEntry) });
  });

  routes.post('/api/apps/:appId/knowledge', async (c) => {
    const { application } = await applicationFromParam(c, 'apps.manage');
    const [entry] = await addKnowledge(c.var.deps.db, application.id, [readEntry(await readJsonObject(c))]);
    await recordAudit(c, 'knowledge.changed', { applicationId: application.id, details: { added: entry?.id } });
    return c.json(toKnowledgeEntry(entry as KnowledgeEntryRow), 201);
  });

  routes.patch('/api/apps/:appId/knowledge/:entryId', async (c) => {
    const { application } = await applicationFromParam(c, 'apps.manage');
    const id = c.req.param('entryId');
    const entry = isUuid(id)
      ? await updateKnowledge(c.var.deps.db, {
          applicationId: application.id,
          id,
          ...readEntry(await readJsonObject(c)),
          now: c.var.deps.clock(),
        })
      : undefined;
    if (!entry) throw notFound('knowledge entry');
    await recordAudit(c, 'knowledge.changed', { applicationId: application.id, details: { updated: id } });
    return c.json(toKnowledgeEntry(entry));
  });

  routes.delete('/api/apps/:appId/knowledge/:entryId', async (c) => {
    const { application } = await applicationFromParam(c, 'apps.manage');
    const id = c.req.param('entryId');
    if (!isUuid(id) || !(await deleteKnowledge(c.var.deps.db, application.id, id))) throw notFound('knowledge entry');
    await recordAudit(c, 'knowledge.changed', { applicationId: application.id, details: { deleted: id } });
    return c.body(null, 204);
  });

  return routes;
}

export function toResponderSettings(row: ResponderSettingsRow | undefined): ResponderSettings {
  return {
    kind: row?.kind ?? 'knowledge',
    openai: {
      baseUrl: row?.openai_base_url ?? '',
      model: row?.openai_model ?? '',
      systemPrompt: row?.openai_system_prompt ?? '',
      temperature: row?.openai_temperature ?? 0.3,
      maxTokens: row?.openai_max_tokens ?? 400,
      apiKeySet: Boolean(row?.openai_api_key_sealed),
    },
    webhook: { url: row?.webhook_url ?? '', secretSet: Boolean(row?.webhook_secret_sealed) },
    operatorQuietMinutes: row?.operator_quiet_minutes ?? 10,
    timeoutSeconds: row?.timeout_seconds ?? 30,
  };
}

function toKnowledgeEntry(row: KnowledgeEntryRow): KnowledgeEntry {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    link: row.link,
    updatedAt: row.updated_at.toISOString(),
  };
}

function readEntry(body: Record<string, unknown>) {
  const link = body.link === undefined || body.link === null || body.link === '' ? null : httpUrl(body.link, 'link');
  return {
    question: requiredString(body, 'question', 1_000),
    answer: requiredString(body, 'answer', MAX_ANSWER_LENGTH),
    link,
  };
}

function objectField(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${name} must be an object.`);
  return value as Record<string, unknown>;
}

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value.length > max)
    throw invalid(`${name} must be text of at most ${max} characters.`);
  return value.trim();
}

function httpUrl(value: unknown, name: string): string {
  const url = text(value, name, 2_000);
  if (url === '') return '';
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw invalid(`${name} must be an http(s) URL.`);
  return url;
}

function number(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalid(`${name} must be a number from ${min} to ${max}.`);
  }
  return value;
}

function integer(value: unknown, name: string, min: number, max: number): number {
  if (!Number.isInteger(value)) throw invalid(`${name} must be a whole number from ${min} to ${max}.`);
  return number(value, name, min, max);
}

/** A new secret sealed for storage; `''` clears it. */
function sealOrClear(value: unknown, name: string, seal: (plain: string) => string): string | null {
  const secret = text(value, name, 4_000);
  return secret === '' ? null : seal(secret);
}
