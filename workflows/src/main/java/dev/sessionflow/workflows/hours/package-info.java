/**
 * Business hours as workflow code may count them: a schedule (time zone, weekly periods, holidays)
 * and {@link dev.sessionflow.workflows.hours.OpenHours}, the schedule with its zone's UTC offsets
 * written out. Pure arithmetic: nothing here reads the JDK's time-zone rules, which can change
 * between JDK updates and would then break replay. Uses nothing else of the module.
 */
package dev.sessionflow.workflows.hours;
