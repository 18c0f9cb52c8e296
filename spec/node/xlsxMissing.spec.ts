import { firstValueFrom } from 'rxjs';
import { MissingPeerDependencyError } from 'pulse-rx';
import { readTexts } from 'pulse-rx/node';
import { failure } from '../helpers/failure';

// What a user without the optional peer sees: the module cannot be resolved.
jest.mock('exceljs', () => {
  throw Object.assign(new Error("Cannot find module 'exceljs'"), { code: 'MODULE_NOT_FOUND' });
});

describe('.xlsx without the optional peer exceljs', () => {
  it('is a MissingPeerDependencyError naming the package to install, not a crash', async () => {
    const error = await failure<MissingPeerDependencyError>(firstValueFrom(readTexts('survey.xlsx')));
    expect(error).toBeInstanceOf(MissingPeerDependencyError);
    expect(error.packageName).toBe('exceljs');
    expect(error.message).toContain('npm install exceljs');
    expect(error.toJSON()).toMatchObject({ name: 'MissingPeerDependencyError', packageName: 'exceljs' });
  });
});
