import { createRequire as __lanekitCreateRequire } from 'node:module';
const require = __lanekitCreateRequire(import.meta.url);
import {
  createGitHubClient,
  proxyAwareFetch
} from "./chunk-KX4G65FV.js";
import "./chunk-BRE7GV3X.js";
import "./chunk-4E6IPPMY.js";
import "./chunk-PYTXODB5.js";
export {
  createGitHubClient,
  proxyAwareFetch
};
