/**
 * The only bridge between the sandboxed page and the app: one function per contract channel and
 * a subscription to core events. `ipcRenderer` itself never reaches the page, and listeners get
 * the payload only, not the Electron event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildDeskApi } from './deskApi';

contextBridge.exposeInMainWorld('desk', buildDeskApi(ipcRenderer));
