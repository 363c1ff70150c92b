// The ep-* elements as Vue's GlobalComponents: vue-tsc checks their attributes and @ep-* handlers.
import type {} from 'ep-widgets/vue';
