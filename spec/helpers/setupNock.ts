import nock from 'nock';

// Jest gives each test file a fresh nock, but node:http is shared by the worker: a file
// must restore the interceptor it installed, or the next file's requests meet the old one.
beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});
