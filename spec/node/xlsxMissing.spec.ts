import { firstValueFrom } from 'rxjs';
import { MissingPackageError } from 'pulse-rx';
import { readTexts } from 'pulse-rx/node';
import { failure } from '../helpers/failure';

// What a user without the optional peer sees: the module cannot be resolved.
jest.mock('exceljs', () => {
  throw Object.assign(new Error("Cannot find module 'exceljs'"), { code: 'MODULE_NOT_FOUND' });
});

describe('.xlsx without the optional peer exceljs', () => {
  it('is a MissingPackageError naming the package to install, not a crash', async () => {
    const error = await failure<MissingPackageError>(firstValueFrom(readTexts('survey.xlsx')));
    expect(error).toBeInstanceOf(MissingPackageError);
    expect(error.packageName).toBe('exceljs');
    expect(error.message).toContain('npm install exceljs');
    expect(error.toJSON()).toMatchObject({ name: 'MissingPackageError', packageName: 'exceljs' });
  });
});
