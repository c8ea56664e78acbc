import { describeHost } from './host/select';

export default function globalSetup(): void {
  console.log(`e2e host: ${describeHost()}`);
}
