import { createApp } from 'vue';
import { App } from './App.js';

// The runtime-only build of Vue: render functions, no template compiler, no eval.
createApp(App).mount('#root');
