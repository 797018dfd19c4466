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

const getString = resxGetString("ThrottlingEventPanel");
const getStringDe = resxGetString("ThrottlingEventPanel", 1031);
const getStringAr = resxGetString("ThrottlingEventPanel", 1025);
export const CLIENT_URL = "https://contoso.crm.dynamics.com";
const EP_HOOK = "11111111-1111-1111-1111-111111111111";
const EP_QUEUE = "22222222-2222-2222-2222-222222222222";
export const STEP_HOOK = "33333333-3333-3333-3333-333333333333";
const STEP_QUEUE = "44444444-4444-4444-4444-444444444444";

type Handler = (options?: string, maxPageSize?: number) => Promise<{ entities: unknown[]; nextLink?: string }>;

/**
 * Errors as context.webAPI reports them: an object with errorCode as the unsigned decimal of the
 * hex code, a message, and no HTTP status or Retry-After (Learn: retrieveMultipleRecords, errorCallback).
 */
export function rejectWith<T>(error: object): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- webAPI rejects with plain error objects, not Error instances
  return Promise.reject(error);
}

export const webApiError = {
  throttledRequests: () => ({
    errorCode: 2147951394,
    message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
  }),
  throttledTime: () => ({
    errorCode: 2147951393,
    message: "Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds.",
  }),
  throttledConcurrency: () => ({ errorCode: 2147951398, message: "Number of concurrent requests exceeded the limit of 52." }),
  privilegeDenied: (privilege: string) => ({ errorCode: 2147746336, message: `Principal user is missing ${privilege} privilege.` }),
  serverError: () => ({ errorCode: 2147746327, message: "An unexpected error occurred.", status: 500 }),
};

/** A webAPI double routed by table name; each route can be replaced per test. */
export function mockWebApi(routes: Partial<Record<string, Handler>> = {}) {
  const defaults: Record<string, Handler> = {
    serviceendpoint: () =>
      Promise.resolve({
        entities: [
          { serviceendpointid: EP_HOOK, name: "Orders hook", contract: 8 },
          { serviceendpointid: EP_QUEUE, name: "Invoices queue", contract: 2 },
        ],
      }),
    sdkmessageprocessingstep: () =>
      Promise.resolve({
        entities: [
          { sdkmessageprocessingstepid: STEP_HOOK, _eventhandler_value: EP_HOOK, mode: 1, asyncautodelete: false, statecode: 0 },
          { sdkmessageprocessingstepid: STEP_QUEUE, _eventhandler_value: EP_QUEUE, mode: 1, asyncautodelete: false, statecode: 0 },
        ],
      }),
    asyncoperation: () =>
      Promise.resolve({
        entities: [
          {
            asyncoperationid: "job-1",
            name: "Create of order",
            statecode: 3,
            statuscode: 31,
            friendlymessage: "The endpoint answered 500",
            createdon: new Date(Date.now() - 60_000).toISOString(),
            _owningextensionid_value: STEP_HOOK,
          },
          {
            asyncoperationid: "job-2",
            name: "Create of invoice",
            statecode: 1,
            statuscode: 10,
            message: "Bus unreachable",
            createdon: new Date(Date.now() - 30_000).toISOString(),
            _owningextensionid_value: STEP_QUEUE,
            retrycount: 2,
          },
          {
            asyncoperationid: "job-3",
            name: "Create of order",
            statecode: 3,
            statuscode: 30,
            createdon: new Date(Date.now() - 20_000).toISOString(),
            _owningextensionid_value: STEP_HOOK,
          },
        ],
      }),
  };
  const table = Object.assign({}, defaults, routes) as Record<string, Handler>;
  const calls: string[] = [];
  const api = {
    calls,
    routes: table,
    retrieveMultipleRecords: jest.fn((entity: string, options?: string, maxPageSize?: number) => {
      calls.push(entity);
      const h = table[entity];
      return h ? h(options, maxPageSize) : Promise.reject(new Error(`no route for ${entity}`));
    }),
    updateRecord: jest.fn(() => Promise.resolve({})),
  };
  return api;
}

type MockApi = ReturnType<typeof mockWebApi>;

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
}

/** A fetch double for the WhoAmI probe. */
export function mockFetch(
  next: () => FakeResponse = () => ({
    status: 200,
    headers: { "x-ms-ratelimit-burst-remaining-xrm-requests": "5000", "x-ms-ratelimit-time-remaining-xrm-requests": "900.00" },
  }),
) {
  return jest.fn((url: string) => {
    void url;
    const r = next();
    const h = r.headers ?? {};
    return Promise.resolve({
      ok: r.status >= 200 && r.status < 300,
      status: r.status,
      headers: { get: (n: string) => h[Object.keys(h).find((k) => k.toLowerCase() === n.toLowerCase()) ?? ""] ?? null },
    });
  });
}

interface MountOptions {
  source?: "live" | "simulated";
  webApi?: MockApi | null;
  clientUrl?: string | null;
  fetch?: ReturnType<typeof mockFetch> | null;
  canWrite?: boolean;
  disabled?: boolean;
  priorities?: string;
  pollSeconds?: number;
  width?: number;
  /** hasEntityPrivilege read depth on asyncoperation: 0 user ... 3 organization. */
  readDepth?: 0 | 1 | 2 | 3;
  languageId?: number;
  /** A page like the test harness's: getClientUrl throws (no Dataverse behind it). */
  harnessPage?: boolean;
  isRTL?: boolean;
  /** The digit grouping symbol in the user's Dataverse number format (the host formats integers with it). */
  numberGroup?: string;
  /** Minutes to add to UTC for the user's time zone. */
  timeZoneOffsetMinutes?: number;
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
  const strings = options.languageId === 1031 ? getStringDe : options.languageId === 1025 ? getStringAr : getString;
  mock.context.resources.getString.callsFake(strings);
  const us = mock.context.userSettings as unknown as { languageId: number; isRTL: boolean; getTimeZoneOffsetMinutes: (d?: Date) => number };
  us.languageId = options.languageId ?? 1033;
  us.isRTL = options.isRTL ?? false;
  us.getTimeZoneOffsetMinutes = () => options.timeZoneOffsetMinutes ?? 0;
  if (options.numberGroup !== undefined) {
    const group = options.numberGroup;
    (mock.context.formatting as unknown as { formatInteger: (n: number) => string }).formatInteger = (n) =>
      String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  }
  mock.context.mode.isControlDisabled = options.disabled ?? false;
  mock.context.mode.allocatedWidth = options.width ?? 800;
  mock.context.mode.allocatedHeight = -1;
  const utils = mock.context.utils as unknown as {
    hasEntityPrivilege: (e: string, p: number, d: number) => boolean;
    getEntityMetadata: (e: string) => Promise<unknown>;
  };
  // Privileges are known only once the table's metadata is loaded, as in a real host.
  let metadataLoaded = false;
  utils.getEntityMetadata = () => {
    metadataLoaded = true;
    return Promise.resolve({});
  };
  utils.hasEntityPrivilege = (_e, privilege, depth) =>
    metadataLoaded && (privilege === 3 ? (options.canWrite ?? true) : depth <= (options.readDepth ?? 3));
  const ctx = mock.context as unknown as { webAPI: unknown; page?: unknown };
  ctx.webAPI = options.webApi === null ? {} : (options.webApi ?? mockWebApi());
  ctx.page = options.harnessPage
    ? {
        getClientUrl: () => {
          throw new TypeError("getClientUrl is not a function");
        },
      }
    : options.clientUrl === null
      ? undefined
      : { getClientUrl: () => options.clientUrl ?? CLIENT_URL };
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
