import { backendGlobalSetup } from '../src/index.js';

// The database only: the Auth emulator tests start their own.
export default backendGlobalSetup({ auth: false });
