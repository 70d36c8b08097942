import '@ps/telemetry/register';
import 'reflect-metadata';
import { runService } from '@ps/service-kit';
import { organizationService } from './service';

void runService(organizationService);
