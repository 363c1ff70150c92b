/** The console's entry: the app element, which loads the language and asks who is signed in. */
import './console-app.js';
