import { redact, redactText } from '../../src/http/logger';

describe('redaction', () => {
  it.each([
    ['Authorization: Bearer eyJhbGciOi.abc.def', 'Authorization: Bearer [redacted]'],
    ['"body": "grant_type=client_credentials&client_id=cid&client_secret=s3cr3t&audience=x"', '"body": "grant_type=client_credentials&client_id=cid&client_secret=[redacted]&audience=x"'],
    ['{"client_secret":"s3cr3t","client_id":"cid"}', '{"client_secret":"[redacted]","client_id":"cid"}'],
    ['{"refresh_token": "r-1", "access_token":"a\\"b"}', '{"refresh_token": "[redacted]", "access_token":"[redacted]"}'],
    ['https://s3/x.json?X-Amz-Credential=AK&X-Amz-Signature=ff00', 'https://s3/x.json?X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]'],
    ['code=abc&code_verifier=xyz', 'code=abc&code_verifier=[redacted]'],
  ])('masks %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it('masks secret-looking keys in structured meta, at any depth', () => {
    expect(redact({ headers: { Authorization: 'Bearer x', accept: 'json' }, auth: { apiKey: 'k' }, n: 1 })).toEqual({
      headers: { Authorization: '[redacted]', accept: 'json' },
      auth: { apiKey: '[redacted]' },
      n: 1,
    });
  });
});
