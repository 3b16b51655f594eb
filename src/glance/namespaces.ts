import { ProblemError } from "../lib/problem";
import type { GlanceClient } from "./client";
import type { GlanceNamespace } from "./schemas";
import { keptNamespaces, type NamespaceListPlan, namespaceListQuery } from "./transform/namespaces";

export interface CollectedNamespaces {
  namespaces: GlanceNamespace[];
  /** Glance offered a further page when reading stopped. */
  glanceHasMore: boolean;
}

/**
 * Reads list pages until `wanted` namespaces survive the properties_target filter, Glance has no
 * `next`, or `readLimit` (API_RESULT_LIMIT) namespaces have been read. Glance's `next` link says whether a page
 * was full, but is not requested as it is: Glance rebuilds it from a dict of the parameters, so
 * repeated filters collapse into the last one. Each further call is our own query from the last
 * namespace read, asking for what is still needed.
 */
export async function collectNamespaces(
  glance: GlanceClient,
  plan: NamespaceListPlan,
  wanted: number,
  readLimit: number,
): Promise<CollectedNamespaces> {
  const filtering = plan.propertiesTarget !== undefined;
  let page = await glance.listNamespaces(namespaceListQuery(plan, Math.min(wanted, readLimit)));
  let read = page.namespaces.length;
  const namespaces = keptNamespaces(page.namespaces, plan);
  for (;;) {
    const last = page.namespaces.at(-1);
    // An empty page that still links onwards would otherwise be followed forever.
    if (namespaces.length >= wanted || !page.next || !last || read >= readLimit) break;
    const stillWanted = filtering ? wanted : wanted - namespaces.length;
    page = await glance.listNamespaces(
      namespaceListQuery(plan, Math.min(stillWanted, readLimit - read), last.namespace),
    );
    read += page.namespaces.length;
    namespaces.push(...keptNamespaces(page.namespaces, plan));
  }
  return { namespaces, glanceHasMore: page.next !== undefined };
}

export async function namespaceDetail(glance: GlanceClient, namespace: string, resourceType: string | undefined) {
  try {
    return await glance.getNamespace(namespace, resourceType);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    throw new ProblemError({ ...error.init, detail: `Reading namespace ${namespace} failed: ${error.init.detail}` });
  }
}
