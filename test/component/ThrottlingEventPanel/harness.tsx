import { act, render, RenderResult } from "@testing-library/react";
import {
  ComponentFrameworkMockGeneratorReact,
  EnumPropertyMock,
  StringPropertyMock,
  WholeNumberPropertyMock,
} from "@shko.online/componentframework-mock";
import { ThrottlingEventPanel } from "../../../controls/ThrottlingEventPanel";
import { IInputs, IOutputs } from "../../../controls/ThrottlingEventPanel/generated/ManifestTypes";
import { resxGetString } from "../../helpers/resx";

export const getString = resxGetString("ThrottlingEventPanel");
export const CLIENT_URL = "https://contoso.crm.dynamics.com";
export const EP_HOOK = "11111111-1111-1111-1111-111111111111";
export const EP_QUEUE = "22222222-2222-2222-2222-222222222222";
export const STEP_HOOK = "33333333-3333-3333-3333-333333333333";
export const STEP_QUEUE = "44444444-4444-4444-4444-444444444444";

type Handler = (options?: string) => Promise<{ entities: unknown[] }>;

/** A webAPI double routed by table name; each route can be replaced per test. */
export function mockWebApi(routes: Partial<Record<string, Handler>> = {}) {
  const defaults: Record<string, Handler> = {
    serviceendpoint: async () => ({
      entities: [
        { serviceendpointid: EP_HOOK, name: "Orders hook", contract: 8 },
        { serviceendpointid: EP_QUEUE, name: "Invoices queue", contract: 2 },
      ],
    }),
    sdkmessageprocessingstep: async () => ({
      entities: [
        { sdkmessageprocessingstepid: STEP_HOOK, _eventhandler_value: EP_HOOK },
        { sdkmessageprocessingstepid: STEP_QUEUE, _eventhandler_value: EP_QUEUE },
      ],
    }),
    asyncoperation: async () => ({
      entities: [
        { asyncoperationid: "job-1", name: "Create of order", statecode: 3, statuscode: 31, friendlymessage: "The endpoint answered 500", createdon: new Date(Date.now() - 60_000).toISOString(), _owningextensionid_value: STEP_HOOK },
        { asyncoperationid: "job-2", name: "Create of invoice", statecode: 1, statuscode: 10, message: "Bus unreachable", createdon: new Date(Date.now() - 30_000).toISOString(), _owningextensionid_value: STEP_QUEUE, retrycount: 2 },
        { asyncoperationid: "job-3", name: "Create of order", statecode: 3, statuscode: 30, createdon: new Date(Date.now() - 20_000).toISOString(), _owningextensionid_value: STEP_HOOK },
      ],
    }),
  };
  const table = Object.assign({}, defaults, routes) as Record<string, Handler>;
  const calls: string[] = [];
  const api = {
    calls,
    routes: table,
    retrieveMultipleRecords: jest.fn((entity: string, options?: string) => {
      calls.push(entity);
      const h = table[entity];
      return h ? h(options) : Promise.reject(new Error(`no route for ${entity}`));
    }),
    updateRecord: jest.fn(async () => ({})),
  };
  return api;
}

export type MockApi = ReturnType<typeof mockWebApi>;

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
}

/** A fetch double for the WhoAmI probe. */
export function mockFetch(next: () => FakeResponse = () => ({ status: 200, headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "5000", "x-ms-ratelimit-time-remaining-xrm-requests": "900.00" } })) {
  return jest.fn(async (url: string) => {
    void url;
    const r = next();
    const h = r.headers ?? {};
    return { ok: r.status >= 200 && r.status < 300, status: r.status, headers: { get: (n: string) => h[Object.keys(h).find((k) => k.toLowerCase() === n.toLowerCase()) ?? ""] ?? null } };
  });
}

export interface MountOptions {
  source?: "live" | "simulated";
  webApi?: MockApi | null;
  clientUrl?: string | null;
  fetch?: ReturnType<typeof mockFetch> | null;
  canWrite?: boolean;
  disabled?: boolean;
  priorities?: string;
  pollSeconds?: number;
  width?: number;
}

/** Mounts the real control class through the PCF mock, re-rendering whenever it asks to. */
export function mount(options: MountOptions = {}) {
  const g = globalThis as unknown as { fetch?: unknown };
  g.fetch = options.fetch === null ? undefined : (options.fetch ?? mockFetch());
  const mock = new ComponentFrameworkMockGeneratorReact<IInputs, IOutputs>(ThrottlingEventPanel, {
    anchor: StringPropertyMock,
    source: EnumPropertyMock,
    pollIntervalSeconds: WholeNumberPropertyMock,
    timeWindowMinutes: WholeNumberPropertyMock,
    appPriorities: StringPropertyMock,
  });
  mock.context._SetCanvasItems({
    anchor: "",
    source: options.source ?? "live",
    pollIntervalSeconds: options.pollSeconds ?? 90,
    timeWindowMinutes: 60,
    appPriorities: options.priorities ?? "",
  });
  mock.context.resources.getString.callsFake(getString);
  mock.context.mode.isControlDisabled = options.disabled ?? false;
  mock.context.mode.allocatedWidth = options.width ?? 800;
  mock.context.mode.allocatedHeight = -1;
  (mock.context.utils as unknown as { hasEntityPrivilege: () => boolean }).hasEntityPrivilege = () => options.canWrite ?? true;
  const ctx = mock.context as unknown as { webAPI: unknown; page?: unknown };
  ctx.webAPI = options.webApi === null ? {} : (options.webApi ?? mockWebApi());
  ctx.page = options.clientUrl === null ? undefined : { getClientUrl: () => options.clientUrl ?? CLIENT_URL };
  let result: RenderResult | undefined;
  // The mock's own requestRender starts a setInterval it never clears (0.9.0), which would hide timer
  // leaks and spin fake timers forever; keep it from installing that (it calls requestRender.callsFake
  // on mount). The panel itself re-renders through its own subscription and does not call
  // requestRender; this stand-in coalesces any call into one re-render per microtask (the mock re-runs
  // updateView when a boolean prop flips, so two re-renders in one batch would cancel out).
  let pending = false;
  const requestRender = Object.assign(
    (): void => {
      if (!result || pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (result) act(() => void (result as RenderResult).rerender(mock.ExecuteUpdateView()));
      });
    },
    { callsFake: () => requestRender },
  );
  (mock.context.factory as unknown as { requestRender: unknown }).requestRender = requestRender;
  mock.ExecuteInit();
  act(() => {
    result = render(mock.ExecuteUpdateView());
  });
  const r = result as RenderResult;
  return {
    mock,
    r,
    /** Moves fake time forward and lets promises settle. */
    async advance(ms: number): Promise<void> {
      await act(async () => {
        await jest.advanceTimersByTimeAsync(ms);
      });
    },
    setInputs(items: Parameters<typeof mock.context._SetCanvasItems>[0]): void {
      mock.context._SetCanvasItems(items);
      act(() => {
        r.rerender(mock.ExecuteUpdateView());
      });
    },
    destroy(): void {
      act(() => {
        mock.control.destroy();
        r.unmount();
      });
      result = undefined;
    },
  };
}
