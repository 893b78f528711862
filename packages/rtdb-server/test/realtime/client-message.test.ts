import { describe, expect, it } from 'vitest';
import { ClientMessageError, parseClientMessage } from '../../src/realtime/client-message.js';

describe('parseClientMessage', () => {
  it('parses a data request', () => {
    expect(parseClientMessage('{"t":"d","d":{"r":3,"a":"q","b":{"p":"/a","h":""}}}')).toEqual({
      kind: 'request',
      id: 3,
      action: 'q',
      body: { p: '/a', h: '' },
    });
  });

  it('parses a ping', () => {
    expect(parseClientMessage('{"t":"c","d":{"t":"p","d":{}}}')).toEqual({
      kind: 'control',
      command: 'p',
      payload: {},
    });
  });

  it('defaults a missing body to {}', () => {
    expect(parseClientMessage('{"t":"d","d":{"r":1,"a":"unauth"}}')).toMatchObject({ body: {} });
  });

  it.each([
    ['not json', 'garbage{'],
    ['an array', '[1,2]'],
    ['an unknown layer', '{"t":"x","d":{}}'],
    ['a data message without id', '{"t":"d","d":{"a":"q","b":{}}}'],
    ['a fractional id', '{"t":"d","d":{"r":1.5,"a":"q","b":{}}}'],
    ['a control message without command', '{"t":"c","d":{}}'],
  ])('rejects %s', (_label, text) => {
    expect(() => parseClientMessage(text)).toThrow(ClientMessageError);
  });

  it('keeps the request id when only the body is wrong', () => {
    try {
      parseClientMessage('{"t":"d","d":{"r":9,"a":"p","b":"nope"}}');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ClientMessageError);
      expect((error as ClientMessageError).id).toBe(9);
    }
  });

  it('refuses bodies nested deeper than the limit, keeping the id', () => {
    const deep = '{"x":'.repeat(100) + '1' + '}'.repeat(100);
    try {
      parseClientMessage(`{"t":"d","d":{"r":4,"a":"p","b":{"p":"/a","d":${deep}}}}`);
      expect.unreachable();
    } catch (error) {
      expect((error as ClientMessageError).id).toBe(4);
    }
    const ok = '{"x":'.repeat(40) + '1' + '}'.repeat(40);
    expect(parseClientMessage(`{"t":"d","d":{"r":4,"a":"p","b":{"p":"/a","d":${ok}}}}`).kind).toBe('request');
  });
});
