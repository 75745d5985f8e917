import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('works with no variables at all: embedded database in ./data on port 3000 with demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ databaseUrl: undefined, dataDir: './data', port: 3000, demo: true });
  });
  it('reads every variable', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      PORT: '8080',
      STEWARD_DEMO: '0',
      PUBLIC_URL: 'https://itsm.example.com',
    });
    expect(c).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      port: 8080,
      demo: false,
      publicUrl: 'https://itsm.example.com',
    });
  });
  it('names each bad variable with its value and what was expected', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        STEWARD_DEMO: 'maybe',
        STEWARD_ADMIN_PASSWORD: 'short',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).message;
      expect(msg).toContain('PORT="eighty"');
      expect(msg).toContain(
        'DATABASE_URL="mysql://x": must be a postgres:// or postgresql:// connection URL',
      );
      expect(msg).toContain('STEWARD_DEMO="maybe"');
      expect(msg).toContain('STEWARD_ADMIN_PASSWORD="short": must be at least 12 characters');
    }
  });
  it('sizes the embedded buffer pool at 16MB unless told, and refuses what is not a size', () => {
    expect(loadConfig({}).embeddedSharedBuffers).toBe('16MB');
    expect(loadConfig({ EMBEDDED_SHARED_BUFFERS: '256MB' }).embeddedSharedBuffers).toBe('256MB');
    expect(() => loadConfig({ EMBEDDED_SHARED_BUFFERS: 'lots' })).toThrow(
      'EMBEDDED_SHARED_BUFFERS="lots": must be a size such as 32MB',
    );
  });
  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
  it('trusts no proxy unless told, and then a hop count or a list of addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      'loopback',
    ]);
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example.com']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY=.*hop count/);
    }
  });
  it('has generous API rate limits and a metrics token of some length', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimitMax: 1200,
      rateLimitWriteMax: 300,
      rateLimitWindowSeconds: 60,
    });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN="short": must be at least 16/,
    );
  });
});
