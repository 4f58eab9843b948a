import { startApp } from './app';

void startApp();
