import { DRIVERS, driverForProvisioner } from '../catalogue';
import {
  BETA_STORAGE_PROVISIONER_ANNOTATION,
  SELECTED_NODE_ANNOTATION,
  STORAGE_PROVISIONER_ANNOTATION,
} from '../model/annotations';
import {
  ClaimFacts,
  eventTime,
  isoOf,
  latest,
  minutesBetween,
  quote,
  timeOf,
} from './facts';
import {
  diagnoseRestoreSource,
  diagnoseStaticPending,
  diagnoseWaitingForConsumer,
} from './binding';
import { diagnoseProvisioningFailure } from './provisioningFailure';
import {
  diagnoseClassProblem,
  diagnoseMissingClass,
  findClass,
  noDriver,
} from './storageClass';
import { Diagnosis, DiagnosisInput } from './types';

/** How long a claim may wait on an external provisioner before we suspect no driver runs. */
const NO_DRIVER_SUSPICION_MINUTES = 10;

function classNameOf(input: DiagnosisInput): string | undefined | null {
  return input.pvc?.spec?.storageClassName;
}

/** A Pending claim: what it waits for, and whether that will ever come. */
export function diagnosePending(
  input: DiagnosisInput,
  facts: ClaimFacts,
): Diagnosis {
  const pvc = input.pvc!;
  const className = classNameOf(input);
  const created = isoOf(timeOf(pvc.metadata?.creationTimestamp));
  const warning = [...facts.claimEvents]
    .reverse()
    .find(e => e.type === 'Warning');

  if (className === '') return diagnoseStaticPending(input, facts, warning);
  const name = className ?? '(default)';
  const storageClass = className ? findClass(input, className) : undefined;
  const missingClass = diagnoseMissingClass(
    input,
    facts,
    className,
    storageClass,
  );
  if (missingClass) return missingClass;
  const provisioner =
    storageClass?.provisioner ??
    pvc.metadata?.annotations?.[STORAGE_PROVISIONER_ANNOTATION] ??
    pvc.metadata?.annotations?.[BETA_STORAGE_PROVISIONER_ANNOTATION] ??
    '';
  const driver = driverForProvisioner(provisioner);
  const classProblem = diagnoseClassProblem(
    input,
    facts,
    name,
    provisioner,
    driver,
  );
  if (classProblem) return classProblem;

  const failure = latest(facts.claimEvents, 'ProvisioningFailed');
  const success = latest(facts.claimEvents, 'ProvisioningSucceeded');
  if (
    failure &&
    (!success || (eventTime(success) ?? 0) < (eventTime(failure) ?? 0))
  ) {
    return diagnoseProvisioningFailure(failure, facts, driver, name);
  }
  const restore = diagnoseRestoreSource(input, facts);
  if (restore) return restore;

  const selectedNode = pvc.metadata?.annotations?.[SELECTED_NODE_ANNOTATION];
  const waitsForConsumer =
    storageClass?.volumeBindingMode === 'WaitForFirstConsumer' ||
    !!latest(facts.claimEvents, 'WaitForFirstConsumer', 'WaitForPodScheduled');
  if (waitsForConsumer && !selectedNode)
    return diagnoseWaitingForConsumer(facts, name);

  const started = latest(facts.claimEvents, 'Provisioning');
  const external = latest(facts.claimEvents, 'ExternalProvisioning');
  if (!started && external) {
    const minutes = minutesBetween(
      timeOf(external.firstTimestamp) ?? eventTime(external),
      facts.now,
    );
    if (minutes !== undefined && minutes > NO_DRIVER_SUSPICION_MINUTES) {
      return noDriver(
        facts,
        provisioner,
        name,
        `It has waited ${Math.round(
          minutes,
        )} minutes and no driver has started. ${quote(external)}`,
        isoOf(timeOf(external.firstTimestamp) ?? eventTime(external)),
      );
    }
  }
  if (driver === 'fsx-lustre' && started) {
    const minutes = minutesBetween(
      eventTime(
        facts.claimEvents.find(e => e.reason === 'Provisioning') ?? started,
      ),
      facts.now,
    );
    if (minutes !== undefined && minutes > 5) {
      return {
        state: 'provisioning',
        severity: 'info',
        headline: `Claim ${
          facts.ref
        }: FSx for Lustre has been creating the file system for ${Math.round(
          minutes,
        )} minutes`,
        explanation:
          'FSx for Lustre file systems take 5–20 minutes to create, longer than most volumes. The claim binds when the file system is AVAILABLE.',
        fix: 'Wait. If it takes more than 30 minutes, check the file system in the FSx console.',
        since: isoOf(eventTime(started)),
      };
    }
  }
  if (warning && warning.reason !== 'ProvisioningFailed') {
    return {
      state: 'provisioning',
      severity: 'warning',
      headline: `Claim ${facts.ref} is Pending and Kubernetes reports a problem`,
      explanation: quote(warning),
      fix: 'Read the message above; kubectl describe pvc shows the full history.',
      since: isoOf(eventTime(warning)),
    };
  }
  return {
    state: 'provisioning',
    severity: 'info',
    headline: `Claim ${facts.ref} is being provisioned${
      driver ? ` by ${DRIVERS[driver].title}` : ''
    }${selectedNode ? ` for node ${selectedNode}` : ''}`,
    explanation: `The ${
      provisioner || 'storage'
    } driver is creating the volume for StorageClass ${name}.`,
    fix: '',
    since: isoOf(eventTime(started ?? external)) ?? created,
  };
}
