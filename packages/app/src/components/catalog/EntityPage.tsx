import { ComponentProps, ReactNode } from 'react';
import { Grid } from '@material-ui/core';
import {
  EntityApiDefinitionCard,
  EntityConsumedApisCard,
  EntityConsumingComponentsCard,
  EntityHasApisCard,
  EntityProvidedApisCard,
  EntityProvidingComponentsCard,
} from '@backstage/plugin-api-docs';
import {
  EntityAboutCard,
  EntityDependsOnComponentsCard,
  EntityDependsOnResourcesCard,
  EntityHasComponentsCard,
  EntityHasResourcesCard,
  EntityHasSubcomponentsCard,
  EntityHasSystemsCard,
  EntityLayout,
  EntityLinksCard,
  EntitySwitch,
  EntityOrphanWarning,
  EntityProcessingErrorsPanel,
  isComponentType,
  isKind,
  hasCatalogProcessingErrors,
  isOrphan,
  hasRelationWarnings,
  EntityRelationWarning,
} from '@backstage/plugin-catalog';
import {
  EntityUserProfileCard,
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
} from '@backstage/plugin-org';
import {
  Direction,
  EntityCatalogGraphCard,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
} from '@backstage/catalog-model';

import {
  EntityKubernetesContent,
  isKubernetesAvailable,
} from '@backstage/plugin-kubernetes';
import {
  EntityStorageCard,
  EntityStorageContent,
  isStorageAvailable,
} from '@eks-storage/backstage-plugin-storage';

type EntitySwitchCondition = ComponentProps<typeof EntitySwitch.Case>['if'];

/** A full-width warning, shown only when the catalog reports that problem. */
const warningWhen = (condition: EntitySwitchCondition, warning: ReactNode) => (
  <EntitySwitch>
    <EntitySwitch.Case if={condition}>
      <Grid item xs={12}>
        {warning}
      </Grid>
    </EntitySwitch.Case>
  </EntitySwitch>
);

const entityWarningContent = (
  <>
    {warningWhen(isOrphan, <EntityOrphanWarning />)}
    {warningWhen(hasRelationWarnings, <EntityRelationWarning />)}
    {warningWhen(hasCatalogProcessingErrors, <EntityProcessingErrorsPanel />)}
  </>
);

/** Every overview starts with the catalog's warnings, then its own cards. */
const overviewGrid = (cards: ReactNode) => (
  <Grid container spacing={3} alignItems="stretch">
    {entityWarningContent}
    {cards}
  </Grid>
);

/** The first two cards of most overviews: what the entity is and its relations. */
const aboutAndGraphCards = (
  <>
    <Grid item md={6}>
      <EntityAboutCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityCatalogGraphCard height={400} />
    </Grid>
  </>
);

/** A pair of half-width cards, side by side on a wide screen. */
const twoCards = (left: ReactNode, right: ReactNode) => (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item md={6}>
      {left}
    </Grid>
    <Grid item md={6}>
      {right}
    </Grid>
  </Grid>
);

/** About, graph and a narrow links card: how API and system overviews start. */
const aboutGraphAndLinksCards = (
  <>
    {aboutAndGraphCards}
    <Grid item md={4} xs={12}>
      <EntityLinksCard />
    </Grid>
  </>
);

/** An overview route: the warnings, then these cards. */
const overviewRouteOf = (cards: ReactNode) => (
  <EntityLayout.Route path="/" title="Overview">
    {overviewGrid(cards)}
  </EntityLayout.Route>
);

/** A page with only an overview. */
const overviewPage = (cards: ReactNode) => (
  <EntityLayout>{overviewRouteOf(cards)}</EntityLayout>
);

// The routes components share; EntityLayout reads each Route element's props.
const overviewRoute = overviewRouteOf(
  <>
    {aboutAndGraphCards}

    <EntitySwitch>
      <EntitySwitch.Case if={isStorageAvailable}>
        <Grid item md={6} xs={12}>
          <EntityStorageCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>

    <Grid item md={6} xs={12}>
      <EntityLinksCard />
    </Grid>
    <Grid item md={12} xs={12}>
      <EntityHasSubcomponentsCard />
    </Grid>
  </>,
);

const storageRoute = (
  <EntityLayout.Route path="/storage" title="Storage" if={isStorageAvailable}>
    <EntityStorageContent />
  </EntityLayout.Route>
);

// The official Kubernetes plugin's tab, beside Storage: both read the same
// clusters (kubernetes.clusterLocatorMethods).
const kubernetesRoute = (
  <EntityLayout.Route
    path="/kubernetes"
    title="Kubernetes"
    if={isKubernetesAvailable}
  >
    <EntityKubernetesContent />
  </EntityLayout.Route>
);

const dependenciesRoute = (
  <EntityLayout.Route path="/dependencies" title="Dependencies">
    {twoCards(
      <EntityDependsOnComponentsCard />,
      <EntityDependsOnResourcesCard />,
    )}
  </EntityLayout.Route>
);

const serviceEntityPage = (
  <EntityLayout>
    {overviewRoute}
    {storageRoute}
    {kubernetesRoute}
    <EntityLayout.Route path="/api" title="API">
      {twoCards(<EntityProvidedApisCard />, <EntityConsumedApisCard />)}
    </EntityLayout.Route>
    {dependenciesRoute}
  </EntityLayout>
);

const websiteEntityPage = (
  <EntityLayout>
    {overviewRoute}
    {storageRoute}
    {kubernetesRoute}
    {dependenciesRoute}
  </EntityLayout>
);

/**
 * NOTE: This page is designed to work on small screens such as mobile devices.
 * This is based on Material UI Grid. If breakpoints are used, each grid item must set the `xs` prop to a column size or to `true`,
 * since this does not default. If no breakpoints are used, the items will equitably share the available space.
 * https://material-ui.com/components/grid/#basic-grid.
 */

const defaultEntityPage = <EntityLayout>{overviewRoute}</EntityLayout>;

const componentPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isComponentType('service')}>
      {serviceEntityPage}
    </EntitySwitch.Case>

    <EntitySwitch.Case if={isComponentType('website')}>
      {websiteEntityPage}
    </EntitySwitch.Case>

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);

const apiPage = (
  <EntityLayout>
    {overviewRouteOf(
      <>
        {aboutGraphAndLinksCards}
        <Grid container item md={12}>
          <Grid item md={6}>
            <EntityProvidingComponentsCard />
          </Grid>
          <Grid item md={6}>
            <EntityConsumingComponentsCard />
          </Grid>
        </Grid>
      </>,
    )}

    <EntityLayout.Route path="/definition" title="Definition">
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <EntityApiDefinitionCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

/** The cards of a user or group overview, each half-width on a wide screen. */
const halfWidth = (...cards: ReactNode[]) =>
  cards.map((card, index) => (
    <Grid item xs={12} md={6} key={index}>
      {card}
    </Grid>
  ));

const userPage = overviewPage(
  halfWidth(<EntityUserProfileCard />, <EntityOwnershipCard />),
);

const groupPage = overviewPage(
  halfWidth(
    <EntityGroupProfileCard />,
    <EntityOwnershipCard />,
    <EntityMembersListCard />,
    <EntityLinksCard />,
  ),
);

const systemPage = (
  <EntityLayout>
    {overviewRouteOf(
      <>
        {aboutGraphAndLinksCards}
        <Grid item md={8}>
          <EntityHasComponentsCard />
        </Grid>
        <Grid item md={6}>
          <EntityHasApisCard />
        </Grid>
        <Grid item md={6}>
          <EntityHasResourcesCard />
        </Grid>
      </>,
    )}
    <EntityLayout.Route path="/diagram" title="Diagram">
      <EntityCatalogGraphCard
        direction={Direction.TOP_BOTTOM}
        title="System Diagram"
        height={700}
        relations={[
          RELATION_PART_OF,
          RELATION_HAS_PART,
          RELATION_API_CONSUMED_BY,
          RELATION_API_PROVIDED_BY,
          RELATION_CONSUMES_API,
          RELATION_PROVIDES_API,
          RELATION_DEPENDENCY_OF,
          RELATION_DEPENDS_ON,
        ]}
        unidirectional={false}
      />
    </EntityLayout.Route>
  </EntityLayout>
);

const domainPage = overviewPage(
  <>
    {aboutAndGraphCards}
    <Grid item md={6}>
      <EntityHasSystemsCard />
    </Grid>
  </>,
);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isKind('api')} children={apiPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('user')} children={userPage} />
    <EntitySwitch.Case if={isKind('system')} children={systemPage} />
    <EntitySwitch.Case if={isKind('domain')} children={domainPage} />

    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);
