// Entry point of the Acme Cloud demo: the only module with a side effect.
import { startApp } from './app.js';

startApp(window);
